"""Peer recovery support platform."""
