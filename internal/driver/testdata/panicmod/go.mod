module panicmod

go 1.26
