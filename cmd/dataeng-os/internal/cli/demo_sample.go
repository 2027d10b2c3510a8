package cli

import (
	"github.com/dataeng-os/dataeng-os/agent/guided"
)

// demoNotes is the bundled stakeholder material (a labelled sample: the
// checkout-orders kickoff), used when the demo runs with a model.
const demoNotes = `# Kickoff — checkout orders dataset (sample notes bundled with DataEngOS)

- Product wants a daily view of orders coming out of the new checkout service (Postgres, schema checkout, table orders).
- Consumers: Finance (revenue reconciliation, needs it by 07:00 UTC), Growth (conversion dashboards).
- Domain: sales. Owner on the producer side: Checkout squad (lead: bruno.souza).
- Fields for orders: order id (uuid, the key), customer id, customer email (PII), status (created, paid, shipped, cancelled, refunded), total amount in cents, currency (ISO 4217), created at, updated at.
- Email must be masked (hashed) for Growth; classify it as restricted.
- Quality: no duplicate order ids, status must be one of the list, total >= 0, freshness 24h.
- They want staging models and a fact table for orders in dbt.
`

var demoFields = []string{
	"order_id: uuid, required, primary key, description=Order identifier",
	"customer_id: string, required, description=Customer identifier",
	"customer_email: string, required, description=Customer e-mail, for receipts",
	"status: string, required, values=created|paid|shipped|cancelled|refunded, description=Order status",
	"total_amount_cents: integer, required, min=0, description=Order total in cents",
	"currency: string, required, description=ISO 4217 currency code",
	"created_at: timestamp, required, description=When the order was created",
	"updatedAt: timestamp, description=When the order last changed",
}

var demoSections = map[string]string{
	"problem":   "Finance reconciles revenue every morning; Growth follows checkout conversion.",
	"consumer":  "Finance (revenue reconciliation, by 07:00 UTC) and Growth (conversion dashboards), daily.",
	"owner":     "Checkout squad, bruno.souza",
	"source":    "The checkout service's Postgres database, schema checkout, table orders.",
	"sensitive": "customer_email is personal data, restricted: it must be hashed for Growth.",
	"quality":   "No duplicate order ids; status is one of the list; total >= 0.",
	"sla":       "Daily, fresh within 24 hours, ready by 07:00 UTC.",
	"deliver":   "Staging models and a fact table for orders (fct_orders).",
}

var demoFindings = map[string]string{
	"classification": "restricted",
	"masking":        "hash",
	"description":    "Customer e-mail, for receipts",
	"domain":         "sales",
	"purpose":        demoSections["problem"],
	"owner":          demoSections["owner"],
	"pk":             "order_id",
	"rename":         "", // accept the validator's suggestion
	"type":           "string",
	"tabledesc":      "One row per order placed in the checkout service",
	"source":         "checkout",
}

// demoPerson replies to the Architect as the bundled stakeholder would, by
// the kind of question asked (so the follow-ups the validator raises are
// answered too).
func demoPerson() *guided.Person {
	return &guided.Person{Name: "checkout orders", Table: "orders: one row per order placed in the checkout service",
		Owner: demoSections["owner"], Fields: demoFields, Findings: demoFindings, Sections: demoSections,
		Default: "As in the kickoff notes."}
}
