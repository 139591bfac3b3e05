// Ends a jest run with one plain line, `N passed, N failed` (and skipped when any), which CI
// systems that do not know jest's own summary read as the run's result. It is written as the
// process exits, so it comes after jest's summary and the coverage table.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed`
    process.once('exit', () => process.stdout.write(`\n${skipped > 0 ? `${line}, ${skipped} skipped` : line}\n`))
  }
}

module.exports = SummaryReporter
