"""Two-factor sign-in: after the password, a code from an authenticator app (TOTP) or one of
ten single-use recovery codes, for every account the `two_factor_required` rule names.

django-otp keeps the devices and checks the codes; this package holds the steps a person takes
(enrol, verify, keep recovery codes), the gate that holds a session back until it is verified,
and the services the views, the admin and the demo loader share.
"""
