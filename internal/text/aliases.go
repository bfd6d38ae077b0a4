package text

import "unicode/utf8"

// Aliases are the look-alike and filter-dodging spellings sellers use for
// WeChat and QQ on 1688 (its own word filter blocks 微信 and QQ), each with
// the canonical form Fold writes instead. Sources are in folded form (lower
// case, half-width); a source is replaced wherever it appears in the folded
// text. Words that only look like these in ordinary listings (威信 as a
// brand, 企鹅 a penguin toy) still need an ask around them before a rule
// fires: the rules match "add / contact + app" or "app + an id", not the
// app's name alone.
var Aliases = [][2]string{
	// WeChat: 微信 with a look-alike first character, a heart for 信, pinyin.
	{"薇信", "微信"}, {"威信", "微信"}, {"徽信", "微信"}, {"嶶信", "微信"}, {"溦信", "微信"},
	{"微❤", "微信"}, {"薇❤", "微信"}, {"威❤", "微信"}, {"微♥", "微信"}, {"薇♥", "微信"},
	{"v❤", "v信"}, {"v♥", "v信"}, {"v💗", "v信"}, {"v💕", "v信"}, {"v💖", "v信"}, {"v💓", "v信"}, {"v💙", "v信"}, {"v💚", "v信"}, {"v💜", "v信"}, {"v🧡", "v信"}, {"v💛", "v信"},
	{"v芯", "v信"}, {"v心", "v信"}, {"微芯号", "微信号"},
	{"weixin", "微信"}, {"wei xin", "微信"}, {"wei信", "微信"}, {"微xin", "微信"}, {"wechat", "微信"}, {"we chat", "微信"},
	// QQ: 扣扣 / 抠抠 / 口口 (kòu kòu), 企鹅 (its penguin mascot), 球球.
	{"扣扣", "qq"}, {"抠抠", "qq"}, {"寇寇", "qq"}, {"蔻蔻", "qq"}, {"企鹅号", "qq号"}, {"加企鹅", "加qq"}, {"企鹅:", "qq:"},
}

// aliasByLast indexes Aliases by the last character of the source, so
// applyAlias checks only the aliases that can end at the character just
// written.
var aliasByLast = map[rune][][2]string{}

// aliasBits has bit r%1024 set when an alias may end in r: a quick check
// before the map.
var aliasBits [16]uint64

func init() {
	for _, a := range Aliases {
		r, _ := utf8.DecodeLastRuneInString(a[0])
		aliasByLast[r] = append(aliasByLast[r], a)
		aliasBits[r%1024/64] |= 1 << (r % 64)
	}
}

func mayEndAlias(r rune) bool {
	return aliasBits[r%1024/64]&(1<<(r%64)) != 0
}

// applyAlias replaces an alias source that ends at the end of b with its
// target. With positions, each character of the target maps to the
// original position of the source character in the same place (the last
// one when the target is longer).
func applyAlias(b []byte, at []int32, withPositions bool) ([]byte, []int32) {
	last, _ := utf8.DecodeLastRune(b)
	for _, a := range aliasByLast[last] {
		src, dst := a[0], a[1]
		if len(b) < len(src) || string(b[len(b)-len(src):]) != src {
			continue
		}
		base := len(b) - len(src)
		if !withPositions {
			return append(b[:base], dst...), at
		}
		// The original position of each source character, in order.
		var pos [8]int32
		n := 0
		for i := base; i < len(b) && n < len(pos); i++ {
			if utf8.RuneStart(b[i]) {
				pos[n] = at[i]
				n++
			}
		}
		b, at = b[:base], at[:base]
		k := 0
		for _, r := range dst {
			b = utf8.AppendRune(b, r)
			for len(at) < len(b) {
				at = append(at, pos[min(k, n-1)])
			}
			k++
		}
		return b, at
	}
	return b, at
}
