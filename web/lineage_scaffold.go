package web

// addScaffoldLineage adds the nodes and edges of the scaffold's lineage
// record (.dataeng-os/lineage). TEMPORARY until the scaffold package lands.
func (s *Server) addScaffoldLineage(add func(LNode), link func(string, string), notes *[]string) error {
	return nil
}
