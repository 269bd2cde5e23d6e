"""Case-file audits: plan a round from the snapshot's open cases, audit each case beside its
journey, moderate, raise plan actions from findings, and report the round and its trends."""
