"""The city's supervision web page: server-rendered Chinese HTML for city bureau supervisors, no JavaScript.

Supervisors sign in with a name and password (``heze-station-server create-supervisor``); the pages show the stations'
sync state and deadlines, the city's figures for any period, district or station (city_figures.py: the stations'
own definitions), the overdue lists, and the returns as .xlsx. Figures and lists only: nothing personal beyond what a
list needs.
"""
