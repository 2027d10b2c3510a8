package scaffold

// The project layout: the folders every part of dataeng-os (init, draft,
// validate, scaffold, the cockpit) reads and writes. They are defined here
// once; the kernel, the agent, the CLI and the cockpit use these.
const (
	// ContractsDir holds the ODCS contracts (*.odcs.yaml).
	ContractsDir = "contracts"
	// CanvasesDir holds the Product Canvases (*.md).
	CanvasesDir = "canvases"
	// ModelsDir is where every contract-owned generated dbt file lives;
	// Prune looks for stale files there.
	ModelsDir = "models"
)
