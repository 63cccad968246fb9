package libmid // want package:`registers signals \{SIGINT, SIGTERM\}`

// Package libmid does not import os/signal, but imports lib: its fact
// carries lib's registrations to its importers.

import (
	"context"

	"lib"
)

// Context returns lib's signal context.
func Context() context.Context { return lib.SetupSignalHandler() }
