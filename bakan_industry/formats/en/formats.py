# English conventions: 28 Nov 2023, 74.4 ha, VND 2,921 billion.
DATE_FORMAT = "j M Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
# A date whose source gives only the month: "Aug 2024" (common.formatting).
YEAR_MONTH_FORMAT = "M Y"
