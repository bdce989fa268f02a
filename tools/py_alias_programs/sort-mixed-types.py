x = [3, "a"]
x.sort()
