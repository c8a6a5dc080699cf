// Prints one closing line that CI reads, "N passed, N failed", after jest's own summary.
// Failed suites that never ran their tests (a syntax error, a crash at import) count as failures too.
class SummaryLineReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    process.stdout.write(`\n${results.numPassedTests} passed, ${failed} failed\n`);
  }
}
module.exports = SummaryLineReporter;
