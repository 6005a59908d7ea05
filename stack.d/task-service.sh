# shellcheck shell=bash
# task-service: work plans and the 督办 lifecycle (sourced by ./stack)
service task-service "${STACK_TASK_PORT:-8082}" task
