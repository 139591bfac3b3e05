export {
  type ExportColumn,
  type ExportContext,
  headerLine,
  LEDGER_COLUMNS,
  LEDGER_TYPE_TITLES,
  localTimeText,
  MEMBER_COLUMNS,
  rowLines,
} from './columns'
export { type CsvValue, csvCell, csvLine, parseCsv, UTF8_BOM } from './csv'
