import { cloudTarget } from '../conformance/cloudTarget'
import { registerTarget } from '../conformance/target'
import { transactionsContract } from '../conformance/transactions.contract'

jest.setTimeout(120_000)
transactionsContract(registerTarget(cloudTarget()))
