package web

import "github.com/dataeng-os/dataeng-os/scaffold"

// addScaffoldLineage adds the project graph scaffold.LoadLineage builds:
// canvases, contracts, their schema objects, and the dbt staging models and
// marts recorded in .dataeng-os/lineage.json.
func (s *Server) addScaffoldLineage(add func(LNode), link func(string, string)) error {
	g, err := scaffold.LoadLineage(s.root)
	if err != nil {
		return err
	}
	for _, n := range g.Nodes {
		add(LNode{ID: n.ID, Kind: n.Kind, Label: n.Label, File: n.Path})
	}
	for _, e := range g.Edges {
		link(e.From, e.To)
	}
	return nil
}
