#!/usr/bin/env bash
# Writes the four faces of Noto Sans that nest embeds in its PDF reports,
# cut to the scripts a Welsh public-service report is written in.
#
# fpdf reads the whole of a face each time a report uses it, and again to
# cut out the part it embeds: a face with fewer glyphs is quicker to read.
# Kept: Latin (Basic, Latin-1, Extended A, B, C and Additional: Welsh ŵ ŷ
# ẁ ẃ ẅ ỳ, Irish, Polish, Czech, Turkish, Vietnamese), IPA, Greek,
# Cyrillic, combining accents, punctuation, super- and subscripts,
# currency, letter-like symbols, number forms, arrows, mathematical
# operators, the dotted circle, the fi and fl ligatures and the
# replacement character. Left out: polytonic Greek, historic Cyrillic and
# Latin letters (Extended D and E), phonetic extensions and supplemental
# punctuation, and the OpenType layout tables, which fpdf does not use.
# A character a face lacks is printed as a placeholder, and nest validate
# warns of it (see Printable).
#
# From Debian's fonts-noto-core 20201225-1 (Noto Sans 2.004), with
# fonttools' pyftsubset; the output is the same bytes every time:
#
#   apt-get install fonts-noto-core fonttools
#   bash internal/fonts/subset.sh
#
# The SIL Open Font License (OFL.txt) allows this: Noto Sans reserves no
# font name, and the cut faces keep their licence.
set -euo pipefail
from=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
to=$(dirname "$0")
keep=U+0000-052F,U+1E00-1EFF,U+2000-25FF,U+2C60-2C7F,U+FB00-FB06,U+FFFC-FFFD
for face in Regular Bold Italic BoldItalic; do
	pyftsubset "$from/NotoSans-$face.ttf" --unicodes="$keep" --layout-features= \
		--glyph-names --name-IDs='*' --name-languages='*' --notdef-outline \
		--output-file="$to/NotoSans-$face.ttf"
done
