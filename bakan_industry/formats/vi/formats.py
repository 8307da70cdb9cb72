# Vietnamese conventions: 28/11/2023, 74,4 ha, 2.921 tỷ đồng.
DATE_FORMAT = "d/m/Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "H:i d/m/Y"
SHORT_DATETIME_FORMAT = "H:i d/m/Y"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
# What editors type in the admin: 28/11/2023 first (also how the date widget writes it).
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
# A date whose source gives only the month: "8/2024" (common.formatting).
YEAR_MONTH_FORMAT = "n/Y"
