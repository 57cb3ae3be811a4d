package main

import "github.com/nest-nyth/nest/internal/files"

// writeOut writes what a command made to the file named, whole and
// atomically, or to standard output when the name is "" or "-".
func writeOut(s *streams, name string, data []byte) error {
	if name == "" || name == files.Stdin {
		_, err := s.Out.Write(data)
		return err
	}
	return files.WriteAtomic(name, data, 0o644)
}
