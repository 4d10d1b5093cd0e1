"""The Qt user interface: the only layer with widgets. Thin: it calls services and shows what they return."""
