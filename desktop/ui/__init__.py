"""The Qt window. It presents the domain and calls it; it holds no business rules."""
