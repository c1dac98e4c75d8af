package payments

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/freezeguard/freezeguard/lists"
)

// Limits on the XML tree, beyond MaxSize: ISO 20022 messages are shallow
// (about 12 levels), so anything deeper is hostile or broken.
const (
	maxDepth = 64
	maxNodes = 1 << 20
)

// node is one XML element: local name, namespace, attributes, its direct
// character data (trimmed) and its child elements in document order.
type node struct {
	name, space string
	attrs       []xml.Attr
	text        string
	kids        []*node
	off         int64 // byte offset of the start tag
}

// child returns the first child element with the given local name.
func (n *node) child(name string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// get follows a path of local names through first children.
func (n *node) get(names ...string) *node {
	for _, nm := range names {
		n = n.child(nm)
		if n == nil {
			return nil
		}
	}
	return n
}

// str returns the whitespace-normalised text at a path below n, or "".
func (n *node) str(names ...string) string {
	c := n.get(names...)
	if c == nil {
		return ""
	}
	return c.text
}

// attr returns the value of the attribute with the given local name.
func (n *node) attr(name string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// buildTree decodes a whole XML document into a tree. It refuses DOCTYPE
// and every other <!...> declaration, and bounds depth and node count.
func buildTree(data []byte) (*node, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var (
		root  *node
		stack []*node
		text  [][]byte
		count int
	)
	fail := func(off int64, err error) (*node, error) {
		return nil, &MessageError{Message: "ISO 20022 document", Offset: off, Line: lineAt(data, int(off)), Err: err}
	}
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return fail(d.InputOffset(), fmt.Errorf("%w: XML: %s", ErrSyntax, se.Msg))
			}
			return fail(d.InputOffset(), fmt.Errorf("%w: XML: %w", ErrSyntax, err))
		}
		switch t := tok.(type) {
		case xml.Directive:
			return fail(off, lists.ErrDoctype)
		case xml.StartElement:
			if root != nil && len(stack) == 0 {
				return fail(off, fmt.Errorf("%w: second root element <%s>", ErrSyntax, t.Name.Local))
			}
			if len(stack) >= maxDepth {
				return fail(off, fmt.Errorf("%w: elements nested deeper than %d", ErrSyntax, maxDepth))
			}
			if count++; count > maxNodes {
				return fail(off, fmt.Errorf("%w: more than %d elements", lists.ErrTooLarge, maxNodes))
			}
			n := &node{name: t.Name.Local, space: t.Name.Space, attrs: t.Attr, off: off}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			} else {
				root = n
			}
			stack = append(stack, n)
			text = append(text, nil)
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1].name != t.Name.Local {
				return fail(off, fmt.Errorf("%w: unexpected </%s>", ErrSyntax, t.Name.Local))
			}
			n := stack[len(stack)-1]
			n.text = normSpace(string(text[len(text)-1]))
			stack = stack[:len(stack)-1]
			text = text[:len(text)-1]
		case xml.CharData:
			if len(stack) > 0 {
				text[len(text)-1] = append(text[len(text)-1], t...)
			} else if len(bytes.TrimSpace(t)) > 0 {
				return fail(off, fmt.Errorf("%w: text outside the root element", ErrSyntax))
			}
		}
	}
	if len(stack) > 0 {
		return fail(int64(len(data)), fmt.Errorf("%w: unterminated element <%s>", ErrSyntax, stack[len(stack)-1].name))
	}
	if root == nil {
		return fail(0, fmt.Errorf("%w: no XML element", ErrUnknownFormat))
	}
	return root, nil
}

// normSpace collapses runs of white space to one space and trims.
func normSpace(s string) string {
	if s == "" {
		return ""
	}
	return strings.Join(strings.Fields(s), " ")
}

// indexed returns "name[i]" (1-based).
func indexed(name string, i int) string {
	return name + "[" + strconv.Itoa(i) + "]"
}
