package reviews

// Internals the tests use. The tests are in package reviews_test so that they
// can import the generator (internal/reviews/reviewgen), which imports this
// package; this file, compiled only with the tests, lends them what they need.

var (
	CST                = cst
	FindNearDuplicates = findNearDuplicates
	PoissonQuantile    = poissonQuantile
	PoissonTail        = poissonTail
	BinomialTail       = binomialTail
	MaxDistance        = maxDistance
	BoundedLevenshtein = boundedLevenshtein
	Classify           = classify
	SevRank            = sevRank
	AnonymousNick      = anonymousNick
	UnwrapJSONP        = unwrapJSONP
)

const (
	MaxDupCells   = maxDupCells
	MaxImages     = maxImages
	MaxFieldRunes = maxFieldRunes
)

type TextClass = textClass

const (
	ClassText    = classText
	ClassDefault = classDefault
	ClassCanned  = classCanned
)

// DupStopped and DupCandidates read a near-duplicate search's result.
func DupStopped(r dupResult) bool   { return r.stopped }
func DupCandidates(r dupResult) int { return r.candidates }
func DupComp(r dupResult) []int32   { return r.comp }
