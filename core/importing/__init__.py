"""Reading article files (.txt, .jsonl, .csv) into ImportItems, all checked before any is stored."""
