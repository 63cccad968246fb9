package direct

func Setup() string { return "" }
