a = b = []
a.append(1)
x = y = 5
x += 1
l = [1, 2, 3, 4]
for v in l:
    l.remove(v)
m = [1, 2]
m[1:1] = [9]
del m[0]
n = [1, 2, 3]
del n[1:]
c = [1, 2]
c.insert(0, c)
print(c)
d = {'k': None}
d['me'] = d
print(d, 1 < 2 < 3, a is not b, not a)
e = [i * i for i in range(5) if i % 2 == 0]
f = [(i, j) for i in range(2) for j in range(2)]
print(e, f, len(f))
t = 1, 2
p, q = t
p, q = q, p
print(p, q, t)
