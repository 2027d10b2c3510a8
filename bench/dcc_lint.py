"""datacontract-cli's in-process lint over the given files (bench/peers.py)."""
import sys

from datacontract.data_contract import DataContract

for path in sys.argv[1:]:
    DataContract(data_contract_file=path).lint()
