// Separate compilation units of Asio and Beast (BOOST_*_SEPARATE_COMPILATION): built once.
#include <boost/asio/impl/src.hpp>
#include <boost/beast/src.hpp>
