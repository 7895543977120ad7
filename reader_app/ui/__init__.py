"""The Qt face of Source Reader: one widget or model per module, rendering core results."""
