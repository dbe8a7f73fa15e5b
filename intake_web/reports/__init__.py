"""The statutory annual report (regulation 13 of the 2006 Regulations) and the managers' dashboard.

    flask --app intake_web report annual --year 2021 --out report/      HTML, PDF and one CSV per table
    flask --app intake_web report year-figures --year 2021 --open-cases 2380 --looked-after 613

Layout:
    periods.py       financial years and date ranges
    percentages.py   the one percentage helper, and the check that parts add up to their total
    tables.py        Table/Row/Column: counts in, percentages and total checks out
    working_days.py  fast working-day counts for many cases (same answers as clock.WorkingDayCalendar)
    queries.py       the SQL (GROUP BY) that reads the case store
    figures.py       everything counted for one period, with the data gaps it found
    annual.py        the annual report's tables, built from two years' figures
    dashboard_tables.py  the dashboard's tables (same builders, one period, plus timeliness by month and team)
    charts.py        accessible SVG charts (matplotlib)
    published.py     compares the computed tables with figures published earlier (visible notes)
    render.py        HTML, PDF (WeasyPrint) and CSV output
    cli.py           the `report` command group
    dashboard.py     the dashboard pages in the officers' console (/staff/dashboard)

The counting rules are in docs/report.md; every rule used here is stated there.
"""
