package pdfcheck

// token is one token of a content stream: an operator, or an operand
// (its source text, and for a string its bytes).
type token struct {
	s   string
	op  bool
	str []byte
}

// tokens splits a content stream into operands and operators. Strings,
// arrays and dictionaries are one operand each; the strings of a TJ
// array are kept, so its text can be read.
func tokens(b []byte) []token {
	var out []token
	i := 0
	delim := func(c byte) bool {
		switch c {
		case ' ', '\t', '\r', '\n', '\f', 0, '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
			return true
		}
		return false
	}
	// literal reads a (string) starting at b[i] == '('.
	literal := func() []byte {
		var s []byte
		depth := 0
		for i < len(b) {
			c := b[i]
			i++
			switch {
			case c == '(':
				if depth > 0 {
					s = append(s, c)
				}
				depth++
			case c == ')':
				depth--
				if depth == 0 {
					return s
				}
				s = append(s, c)
			case c == '\\' && i < len(b):
				e := b[i]
				i++
				switch e {
				case 'n':
					s = append(s, '\n')
				case 'r':
					s = append(s, '\r')
				case 't':
					s = append(s, '\t')
				case 'b':
					s = append(s, '\b')
				case 'f':
					s = append(s, '\f')
				case '\r', '\n': // a line continued
					if e == '\r' && i < len(b) && b[i] == '\n' {
						i++
					}
				default:
					if e >= '0' && e <= '7' {
						v := int(e - '0')
						for k := 0; k < 2 && i < len(b) && b[i] >= '0' && b[i] <= '7'; k++ {
							v = v*8 + int(b[i]-'0')
							i++
						}
						s = append(s, byte(v))
					} else {
						s = append(s, e)
					}
				}
			default:
				s = append(s, c)
			}
		}
		return s
	}
	hex := func() []byte { // b[i] == '<', not "<<"
		i++
		var s []byte
		var hi, n int
		for i < len(b) && b[i] != '>' {
			c := b[i]
			i++
			var v int
			switch {
			case c >= '0' && c <= '9':
				v = int(c - '0')
			case c >= 'a' && c <= 'f':
				v = int(c-'a') + 10
			case c >= 'A' && c <= 'F':
				v = int(c-'A') + 10
			default:
				continue
			}
			if n%2 == 0 {
				hi = v
			} else {
				s = append(s, byte(hi<<4|v))
			}
			n++
		}
		if n%2 == 1 {
			s = append(s, byte(hi<<4))
		}
		i++
		return s
	}
	// compound reads an array or dictionary whole, as one operand; the
	// strings in it are joined (a TJ array's text).
	var compound func(open, close string) token
	compound = func(open, close string) token {
		start := i
		i += len(open)
		var strs []byte
		for i < len(b) {
			switch {
			case string(b[i:min(i+len(close), len(b))]) == close:
				i += len(close)
				return token{s: string(b[start:i]), str: strs}
			case b[i] == '(':
				strs = append(strs, literal()...)
			case b[i] == '<' && i+1 < len(b) && b[i+1] == '<':
				t := compound("<<", ">>")
				strs = append(strs, t.str...)
			case b[i] == '<':
				strs = append(strs, hex()...)
			case b[i] == '[':
				t := compound("[", "]")
				strs = append(strs, t.str...)
			default:
				i++
			}
		}
		return token{s: string(b[start:]), str: strs}
	}
	for i < len(b) {
		c := b[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0:
			i++
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == '(':
			out = append(out, token{s: "()", str: literal()})
		case c == '<' && i+1 < len(b) && b[i+1] == '<':
			t := compound("<<", ">>")
			t.str = nil // a dictionary's strings are not shown text
			out = append(out, t)
		case c == '<':
			out = append(out, token{s: "<>", str: hex()})
		case c == '[':
			out = append(out, compound("[", "]"))
		case c == '/':
			j := i + 1
			for j < len(b) && !delim(b[j]) {
				j++
			}
			out = append(out, token{s: string(b[i:j])})
			i = j
		case c == ')' || c == '>' || c == ']' || c == '{' || c == '}':
			i++ // stray delimiter
		default:
			j := i
			for j < len(b) && !delim(b[j]) {
				j++
			}
			w := string(b[i:j])
			i = j
			isOp := (w[0] < '0' || w[0] > '9') && w[0] != '-' && w[0] != '+' && w[0] != '.' && w != "true" && w != "false" && w != "null"
			out = append(out, token{s: w, op: isOp})
			if w == "BI" { // an inline image: skip its data to EI
				for i+2 < len(b) && !(b[i] == 'E' && b[i+1] == 'I' && delim(b[i+2]) && (b[i-1] == ' ' || b[i-1] == '\n' || b[i-1] == '\r')) {
					i++
				}
				i += 2
			}
		}
	}
	return out
}
