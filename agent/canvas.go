package agent

import (
	"regexp"

	"github.com/dataeng-os/dataeng-os/prompts"
)

// DefaultCanvasTemplate is used when the project has no templates/canvas.md
// (prompts.DefaultCanvasTemplate).
const DefaultCanvasTemplate = prompts.DefaultCanvasTemplate

var headingRE = regexp.MustCompile(`^##\s+(.+?)\s*#*\s*$`)

func isOpenQuestions(title string) bool { return prompts.IsOpenQuestions(title) }
