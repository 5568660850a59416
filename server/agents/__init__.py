"""Agents: Python objects the run engine executes (see base.py for the interface)."""

from .base import Agent, Interrupt, RunContext, RunStopped, agent

__all__ = ["Agent", "Interrupt", "RunContext", "RunStopped", "agent"]
