# shellcheck shell=bash
# report-service: reports in, parsed, corrected and published (sourced by ./stack)
service report-service "${STACK_REPORT_PORT:-8081}" report
