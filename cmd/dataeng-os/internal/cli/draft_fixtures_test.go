package cli

// Fixtures for the draft command's tests: a canvas that follows the default
// template, a contract that passes every rule, and one that does not (PII
// without classification, a column not in snake_case).

const draftTestCanvas = `# Product Canvas: orders

## Problem and decision supported
Finance reconciles revenue daily; Growth follows conversion.

## Consumers
Finance (by 07:00 UTC) and Growth dashboards.

## Producer and owner
Checkout squad; owner bruno.souza.

## Data sources
Postgres, schema checkout, table orders.

## Entities and fields
orders: order_id (PK), customer_email, total_amount_cents, created_at.

## Sensitive data
customer_email is personal data: restricted, hashed.

## Quality expectations
No duplicate order ids; total >= 0.

## SLA and freshness
Daily, 24h freshness.

## Delivery (dbt layers)
Staging and a fact table.

## Open questions (optional)
- none
`

const draftTestValid = `apiVersion: v3.1.0
kind: DataContract
name: Checkout orders
version: 0.1.0
status: draft
domain: sales
dataProduct: checkout_orders
description:
  purpose: Daily view of checkout orders for revenue reconciliation and conversion dashboards.
team:
  name: Checkout squad
  members:
    - username: bruno.souza
      role: owner
schema:
  - name: orders
    logicalType: object
    physicalType: table
    description: One row per order placed in the checkout service.
    properties:
      - name: order_id
        logicalType: string
        description: Order identifier.
        required: true
        primaryKey: true
        primaryKeyPosition: 1
        unique: true
      - name: customer_email
        logicalType: string
        description: E-mail of the customer, for receipts.
        classification: restricted
        criticalDataElement: true
        customProperties:
          - property: masking
            value: hash
      - name: total_amount_cents
        logicalType: integer
        description: Order total in cents.
      - name: created_at
        logicalType: timestamp
        description: When the order was created.
`

const draftTestInvalid = `apiVersion: v3.1.0
kind: DataContract
name: Checkout orders
version: 0.1.0
status: draft
domain: sales
dataProduct: checkout_orders
description:
  purpose: Daily view of checkout orders for revenue reconciliation and conversion dashboards.
team:
  name: Checkout squad
  members:
    - username: bruno.souza
      role: owner
schema:
  - name: orders
    logicalType: object
    physicalType: table
    description: One row per order placed in the checkout service.
    properties:
      - name: order_id
        logicalType: string
        description: Order identifier.
        required: true
        primaryKey: true
        primaryKeyPosition: 1
      - name: customer_email
        logicalType: string
        description: E-mail of the customer, for receipts.
      - name: TotalAmount
        logicalType: integer
        description: Order total in cents.
      - name: created_at
        logicalType: timestamp
        description: When the order was created.
`

// draftAnswer renders a model answer holding both drafts.
func draftAnswer(canvas, yml string) string {
	const fence = "```"
	s := "Here are the drafts.\n\n"
	if canvas != "" {
		s += fence + "markdown\n" + canvas + fence + "\n\n"
	}
	return s + fence + "yaml\n" + yml + fence + "\n"
}
