"""Small Arabic text tools, written here (no GPL libraries): normalisation with an offset map,
tokenisation with character offsets, proclitic splitting, paragraph base direction."""
