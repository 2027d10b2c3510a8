package contract

import (
	"go.yaml.in/yaml/v3"
)

// UnmarshalYAML reads the v3.1.0 team object and the deprecated v3.0 array
// of members.
func (t *Team) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.SequenceNode {
		*t = Team{LegacyArray: true}
		return n.Decode(&t.Members)
	}
	type plain Team
	var p plain
	if err := n.Decode(&p); err != nil {
		*t = Team(p)
		return err
	}
	*t = Team(p)
	return nil
}

// MarshalYAML writes the team back in the form it was read in: the
// deprecated array stays an array so that a load → save changes nothing.
func (t Team) MarshalYAML() (any, error) {
	if t.LegacyArray {
		return t.Members, nil
	}
	type plain Team
	return plain(t), nil
}

// Owners returns the usernames of members whose role is owner (any case),
// or "Data Owner"-like roles.
func (t *Team) Owners() []string {
	if t == nil {
		return nil
	}
	var out []string
	for _, m := range t.Members {
		if isOwnerRole(m.Role) {
			out = append(out, m.Username)
		}
	}
	return out
}

// UnmarshalYAML accepts a single reference or a list of references.
func (r *RefList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*r = RefList{n.Value}
		return nil
	}
	var s []string
	err := n.Decode(&s)
	*r = s
	return err
}

// MarshalYAML writes a single reference as a plain string.
func (r RefList) MarshalYAML() (any, error) {
	if len(r) == 1 {
		return r[0], nil
	}
	return []string(r), nil
}
