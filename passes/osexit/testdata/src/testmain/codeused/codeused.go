package codeused

func Setup() string { return "" }
