package scaffold

// Options steer Render.
type Options struct {
	// Dialect is the warehouse: duckdb (default), postgres, snowflake or
	// bigquery.
	Dialect string
	// Source overrides the dbt source name derived from the contract.
	Source string
	// SourceSchema overrides where the raw tables live (default: the first
	// server's schema; dbt's default is the source name).
	SourceSchema string
	// ContractFile is the contract's path, relative to the project root
	// (slash-separated). It is recorded in model meta and in the lineage.
	ContractFile string
	// ProjectName, when set, adds a dbt_project.yml for a new dbt project.
	ProjectName string
	// StagingMaterialized is how staging models are built: view (default),
	// table or incremental. dbt applies constraints (not_null, primary_key,
	// unique) only to tables and incremental models, so view staging models
	// carry data types and tests but no constraints.
	StagingMaterialized string
}

// StagingMaterializations lists the accepted Options.StagingMaterialized
// values.
var StagingMaterializations = []string{"view", "table", "incremental"}

// Custom property names read from the contract.
const (
	PropSource = "dbtSource" // contract: the dbt source (system) name
	PropEntity = "dbtEntity" // schema object: entity name in model names
	PropMart   = "dbtMart"   // schema object or contract: fact | dimension
)

// Paths of the shared generated files.
const (
	GenericTestsFile = "tests/generic/dataeng_os.sql"
	ProjectFile      = "dbt_project.yml"
)
