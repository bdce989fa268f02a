d = {1: 'a', 2: 'b'}
for k in d:
    d[k + 10] = 'x'
