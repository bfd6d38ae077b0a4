package memory

// escapedPath is url.URL.EscapedPath: the path as written where it is a
// valid escaping of the path, else the path escaped.
func escapedPath(rawPath, path string) string {
	valid := true
	for i := 0; i < len(rawPath) && valid; i++ {
		c := rawPath[i]
		valid = c == '%' || c == '!' || c == '\'' || c == '(' || c == ')' || c == '*' || c == '[' || c == ']' ||
			!shouldEscape(c, false)
	}
	if valid {
		return rawPath
	}
	return escape(path, false)
}

// queryEscape is url.QueryEscape.
func queryEscape(s string) string {
	return escape(s, true)
}

// escape writes every byte that must be escaped as %XX (upper case), and in
// a query component a space as '+', as net/url does.
func escape(s string, query bool) string {
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' && query:
			b = append(b, '+')
		case shouldEscape(c, query):
			b = append(b, '%', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// shouldEscape is net/url's rule for a path (query false) or a query
// component (query true): letters, digits and -_.~ stay; $&+,/:;=@ stay in
// a path; everything else is escaped.
func shouldEscape(c byte, query bool) bool {
	switch {
	case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9':
		return false
	case c == '-' || c == '_' || c == '.' || c == '~':
		return false
	case c == '$' || c == '&' || c == '+' || c == ',' || c == '/' || c == ':' || c == ';' || c == '=' || c == '?' || c == '@':
		return query || c == '?'
	}
	return true
}
