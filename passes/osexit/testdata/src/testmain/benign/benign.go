package benign

func Setup() string { return "" }
