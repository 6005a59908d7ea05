# shellcheck shell=bash
# notification-service: reminders, escalation, rollups (sourced by ./stack); its clock can be moved on a local stack
# (POST /api/clock, docs/notifications.md), never in production
service notification-service "${STACK_NOTIFICATION_PORT:-8083}" notification NOTIFICATION_CLOCK_CONTROL_ENABLED=true
