//go:build !unix

package main

import "errors"

func hup() error { return errors.ErrUnsupported }
