package code

func Setup() string { return "" }
