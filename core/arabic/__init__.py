"""Small Arabic text tools, written here (no GPL libraries): normalisation with an offset map
(``normalize``), tokenisation and sentences with character offsets (``tokenize``), proclitic
splitting, span snapping and search stems (``clitics``), paragraph base direction and
visual order (``bidi``). Only stdlib and python-bidi; see docs/arabic-text.md."""
