package report

import (
	"reflect"

	"github.com/nest-nyth/nest/internal/fonts"
)

// cleanAll replaces, in the value v points at, every text with one the
// PDF's font can draw: a character it cannot (an emoji, CJK) is shown by a
// visible placeholder, the same everywhere (fonts.Printable). The JSON, CSV
// and HTML keep the text as written; validate warns of such characters,
// file by file. Slices, maps and pointers on the way are copied, so what v
// was copied from is left as it was.
func cleanAll(v any) {
	clean(reflect.ValueOf(v).Elem())
}

// clean replaces, in place, every string reachable from v, copying the
// slices, maps and pointers it goes through so that the original is left
// as it was.
func clean(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if s, _ := fonts.Printable(v.String()); s != v.String() {
			v.SetString(s)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				clean(v.Field(i))
			}
		}
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		for i := range c.Len() {
			clean(c.Index(i))
		}
		v.Set(c)
	case reflect.Map:
		if v.IsNil() {
			return
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			val := reflect.New(it.Value().Type()).Elem()
			val.Set(it.Value())
			clean(val)
			c.SetMapIndex(it.Key(), val) // keys are the format's own words
		}
		v.Set(c)
	case reflect.Interface:
		if v.IsNil() {
			return
		}
		c := reflect.New(v.Elem().Type()).Elem()
		c.Set(v.Elem())
		clean(c)
		v.Set(c)
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(v.Elem())
		clean(c.Elem())
		v.Set(c)
	}
}
