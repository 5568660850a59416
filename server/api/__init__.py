"""The Agent Protocol's handlers: one method per operationId of the spec, grouped by
resource, each a translation onto the engine's services (engine/services.py); views.py
shapes the responses. The class serving every operation is in server/handlers.py."""
