"""The Promotions tab: calendar, list, events and fee table (see ``area``)."""
