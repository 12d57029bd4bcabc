-- Every pair of the family in `_part` (a founded before b), unblocked: what pair_blocks.sql must not miss
-- any accepted pair of. For tests and small checks only (quadratic).
SELECT a.ord AS a, b.ord AS b FROM _part a JOIN _part b ON a.fam = b.fam AND a.ord < b.ord
