"""The Amazon Ads API: the advertiser's profiles, v3 reports, the campaign structure, and changes sent by API.

Beside the SP-API client and built on the same ``PacedClient`` (the Login with
Amazon exchange, pacing per operation, back-off, bounded retries): the token
goes as ``Authorization: Bearer`` with ``Amazon-Advertising-API-ClientId`` and
``Amazon-Advertising-API-Scope`` (the profile id). Like the rest of
``sellertui.amazon`` it fetches and sends, and never touches the store.
"""
