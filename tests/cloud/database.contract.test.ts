import { cloudTarget } from '../conformance/cloudTarget'
import { databaseContract } from '../conformance/database.contract'
import { registerTarget } from '../conformance/target'

jest.setTimeout(120_000)
databaseContract(registerTarget(cloudTarget()))
